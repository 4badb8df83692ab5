; Inno Setup 6 script for Kankei Desktop (関係人口デスク).
; Saved as UTF-8 with a BOM so the Japanese text compiles right on any Windows code page.
;
; Installs the PyInstaller folder dist\kankei-desktop\ for the current user only,
; without administrator rights: coordinators' office laptops rarely grant them.
;
;   iscc /DAppVersion=0.1.0 installer\kankei_desktop.iss
;
; run from the repository root after `pyinstaller --noconfirm build_installer.spec`;
; writes dist\installer\KankeiDesktop-<version>-setup.exe. The CI workflow
; (.github/workflows/windows-build.yml) passes the version read from the package.
;
; The user's data is NOT in the installation folder. The database, its automatic
; backups, logs and settings live in the per-user local data folder
; (%LOCALAPPDATA%\KankeiDesktop\Kankei Desktop, see kankei_desktop/paths.py) and
; the Qt settings file under %APPDATA%\KankeiDesktop. The uninstaller removes only
; the files this installer put in {app}; nothing below deletes the data folder,
; so uninstalling, or installing a newer version over an older one, keeps every
; record and every backup.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Kankei Desktop"
#define AppNameJa "関係人口デスク"
#define AppExe "kankei-desktop.exe"
#define BuildDir "..\dist\kankei-desktop"

[Setup]
; The AppId identifies the program to Windows across versions: never change it.
AppId={{6F3B8A52-1D4E-4C7B-9E2A-7C51D0B4A9E3}
AppName={#AppNameJa}
AppVersion={#AppVersion}
AppVerName={#AppNameJa} {#AppVersion}
AppPublisher=Kankei Desktop
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: {localappdata}\Programs is where per-user programs go.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppNameJa}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir=..\dist\installer
OutputBaseFilename=KankeiDesktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameJa} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; A running copy holds its files open: ask to close it rather than fail half-way.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "デスクトップにショートカットを作る"; GroupDescription: "ショートカット:"; Flags: unchecked

[Files]
; The whole one-folder build: both programs and _internal\ (Qt, Python, fonts, data).
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program files wholesale, so a library dropped from a
; newer build does not linger from the old one. {app} holds no user data.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppNameJa}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppNameJa}（デモデータで開く）"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppNameJa}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{#AppNameJa} を起動する"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry on purpose: the data folder (database and backups)
; is outside {app} and must survive an uninstall. A coordinator who really wants
; it gone deletes %LOCALAPPDATA%\KankeiDesktop by hand after making a copy.
