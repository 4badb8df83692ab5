"""Roles on a PostgreSQL server, enforced by the server itself (not only by the window).

Three group roles per database, named after it (roles are the cluster's, databases share it):

- ``<db>_coordinator`` (コーディネーター): reads and writes every record; settings read only.
- ``<db>_viewer`` (閲覧者): column grants only on what is not personal. The columns withheld
  are read from ``services/records.py`` (every kind's personal fields, the free text that may
  hold a name, what erasure blanks) plus a host's contact, the audit log's changed values and
  a photo's caption and file name. ``SELECT name FROM person`` is refused by the server;
  counts, stages, dates and programmes are readable, so the progress PDF works, and the
  viewer may add audit rows (the report records itself).
- ``<db>_admin`` (管理者): everything on every table, users (its login roles get
  ``CREATEROLE`` and the groups ``WITH ADMIN OPTION``), settings and erasure (a trigger refuses
  anybody else setting ``person.anonymised_at``).

Login roles are people: ``server user add`` makes one and puts it in one group. Passwords
are never handled here: the operator sets them with psql's ``\\password`` (hashed on the
client) and people keep theirs in .pgpass or the OS keyring (docs/server.md).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from kankei_desktop.domain.errors import StoreError
from kankei_desktop.services.records import RECORDS, _PERSON_PERSONAL

ROLES = {"coordinator": "コーディネーター", "viewer": "閲覧者", "admin": "管理者"}
ROLE_BY_WORD = {**{key: key for key in ROLES}, **{word: key for key, word in ROLES.items()}}
# Personal beyond what RECORDS declares: a host's contact, the audit log's values, photo captions.
_EXTRA_WITHHELD = {
    "host": {"contact_person", "phone", "email", "postal_code", "address_line", "address_building", "notes"},
    "audit_log": {"changes_json"},
    "attachment": {"caption", "file_name"},
    # An exchange conflict keeps both offices' words for a field; a history row, what was found.
    "exchange_conflict": {"local_value", "remote_value"},
    "exchange_history": {"findings_json", "file_name"},
}


def group_name(database: str, role: str) -> str:
    return f"{database}_{role}"[:63]


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def withheld_columns() -> dict[str, set[str]]:
    """Per table, the columns a 閲覧者 may not read (from the declarations, not a list kept here)."""
    withheld: dict[str, set[str]] = {table: set(columns) for table, columns in _EXTRA_WITHHELD.items()}
    withheld.setdefault("person", set()).update(_PERSON_PERSONAL)
    for kind in RECORDS.values():
        name = kind.table.__tablename__
        withheld.setdefault(name, set()).update(kind.personal, kind.shared_text)
        for link in kind.person_links:
            withheld.setdefault(link.table.__tablename__, set()).update(link.blank, link.own_text)
    return {table: columns for table, columns in withheld.items() if columns}


def _database(connection: Connection) -> str:
    return connection.execute(text("SELECT current_database()")).scalar_one()


def _exists(connection: Connection, role: str) -> bool:
    return bool(connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first())


def create_roles(connection: Connection, first_admin: str) -> list[str]:
    """The three groups, their grants and the first administrator, in the caller's transaction."""
    database = _database(connection)
    groups = {role: group_name(database, role) for role in ROLES}
    made = []
    for group in groups.values():
        if not _exists(connection, group):
            connection.execute(text(f"CREATE ROLE {quoted(group)} NOLOGIN"))
            made.append(group)
    connection.execute(text(f"REVOKE ALL ON DATABASE {quoted(database)} FROM PUBLIC"))
    for group in groups.values():
        connection.execute(text(f"GRANT CONNECT, TEMPORARY ON DATABASE {quoted(database)} TO {quoted(group)}"))
        connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {quoted(group)}"))
    grant_tables(connection, groups)
    for statement in _ERASURE_GUARD:
        connection.execute(text(statement))
    add_user(connection, first_admin, "admin", check_admin=False)
    return made


# Erasure is the administrator's: a person's ``anonymised_at`` is set only by a member of the
# database's 管理者 group (or a superuser). A trigger, since erasure is UPDATEs on the tables a
# コーディネーター writes anyway. The group is found from the database's name when it runs, so a
# restored copy under another name checks its own group; without roles (no server init) it allows.
_ERASURE_GUARD = (
    """CREATE OR REPLACE FUNCTION kankei_erasure_by_admin() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE admin_group text := left(current_database() || '_admin', 63);
    BEGIN
        IF NEW.anonymised_at IS NOT NULL AND NEW.anonymised_at IS DISTINCT FROM OLD.anonymised_at
           AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = admin_group)
           AND NOT pg_has_role(current_user, admin_group, 'MEMBER')
           AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'permission denied: erasure is for administrators (管理者)' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END $$""",
    "DROP TRIGGER IF EXISTS person_erasure_by_admin ON person",
    "CREATE TRIGGER person_erasure_by_admin BEFORE UPDATE OF anonymised_at ON person "
    "FOR EACH ROW EXECUTE FUNCTION kankei_erasure_by_admin()",
)


def grant_tables(connection: Connection, groups: dict[str, str]) -> None:
    tables = connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
    withheld = withheld_columns()
    known = {table.name: table for table in SQLModel.metadata.sorted_tables}
    admin, coordinator, viewer = (quoted(groups[r]) for r in ("admin", "coordinator", "viewer"))
    for table in tables:
        name = quoted(table)
        connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {admin}"))
        rights = "SELECT" if table in ("setting", "alembic_version") else "SELECT, INSERT, UPDATE, DELETE"
        connection.execute(text(f"GRANT {rights} ON {name} TO {coordinator}"))
        if table not in known:  # alembic_version; a table this program does not know: nothing
            if table == "alembic_version":
                connection.execute(text(f"GRANT SELECT ON {name} TO {viewer}"))
            continue
        readable = [c.name for c in known[table].columns if c.name not in withheld.get(table, set())]
        columns = ", ".join(quoted(c) for c in [*readable, "ctid"])  # ctid: the KPI queries' rowid twin
        connection.execute(text(f"GRANT SELECT ({columns}) ON {name} TO {viewer}"))
    connection.execute(text(f"GRANT INSERT ON audit_log TO {viewer}"))  # a report records itself
    connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {admin}, {coordinator}"))
    # Tables a later migration makes (run by this same owner): writable by both writing groups at
    # once; a 閲覧者 sees a new table only once its columns are judged (no default grant for them).
    connection.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE "
                            f"ON TABLES TO {admin}, {coordinator}"))


def reapply_grants(connection: Connection) -> list[str]:
    """The groups' grants again on every table, as ``server init`` made them, in the caller's
    transaction; the tables granted.

    After a migration: a table it made has the writing groups' rights (default privileges)
    but nothing for a 閲覧者, and a column it added is not in the 閲覧者's column grants. The
    閲覧者's grants are revoked and made again from this program's declarations, so a column
    now judged personal is withdrawn too. Grants are the tables' owner's to give (whoever ran
    ``server init`` and the migrations) or a superuser's; anybody else is refused unchanged.
    """
    database = _database(connection)
    groups = {role: group_name(database, role) for role in ROLES}
    if not _exists(connection, groups["admin"]):
        raise StoreError(f"データベース「{database}」には役割がまだありません。先に server init で作成してください。")
    owner_or_superuser = connection.execute(text(
        "SELECT rolsuper OR NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' "
        "AND tableowner <> current_user) FROM pg_roles WHERE rolname = current_user")).scalar_one()
    if not owner_or_superuser:
        raise StoreError("表の権限を付け直せるのは表の所有者（server init を実行したユーザー）だけです。何も変更していません。")
    tables = connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).scalars().all()
    viewer = quoted(groups["viewer"])
    for table in tables:  # a table's REVOKE takes its column grants with it
        connection.execute(text(f"REVOKE ALL ON {quoted(table)} FROM {viewer}"))
    grant_tables(connection, groups)
    for statement in _ERASURE_GUARD:
        connection.execute(text(statement))
    return list(tables)


def _require_admin(connection: Connection) -> None:
    database = _database(connection)
    allowed = connection.execute(text(
        "SELECT rolsuper OR pg_has_role(current_user, :g, 'MEMBER') FROM pg_roles WHERE rolname = current_user"
    ), {"g": group_name(database, "admin")}).scalar() if _exists(connection, group_name(database, "admin")) else None
    if allowed is None:
        raise StoreError(f"データベース「{database}」には役割がまだありません。先に server init で作成してください。")
    if not allowed:
        raise StoreError("利用者と役割を変えられるのは管理者だけです。何も変更していません。")


def role_key(word: str) -> str:
    key = ROLE_BY_WORD.get(word)
    if key is None:
        raise StoreError(f"役割「{word}」はありません（コーディネーター、閲覧者、管理者のどれか）。")
    return key


def add_user(connection: Connection, name: str, role: str, *, check_admin: bool = True) -> None:
    if check_admin:
        _require_admin(connection)
    if not name or len(name) > 63:
        raise StoreError(f"利用者名「{name}」は使えません（1〜63 文字）。")
    database = _database(connection)
    if group_name(database, role) == name or name in {group_name(database, r) for r in ROLES}:
        raise StoreError(f"「{name}」は役割の名前です。利用者名には使えません。")
    if _exists(connection, name):
        if check_admin:
            raise StoreError(f"利用者「{name}」はすでにいます。役割を変えるには server user role を使います。")
    else:
        attributes = "LOGIN CREATEROLE" if role == "admin" else "LOGIN"
        connection.execute(text(f"CREATE ROLE {quoted(name)} {attributes}"))
    _grant_role(connection, database, name, role)


def _grant_role(connection: Connection, database: str, name: str, role: str) -> None:
    for other in ROLES:
        if _member(connection, name, group_name(database, other)):
            connection.execute(text(f"REVOKE {quoted(group_name(database, other))} FROM {quoted(name)}"))
    connection.execute(text(f"ALTER ROLE {quoted(name)} {'CREATEROLE' if role == 'admin' else 'NOCREATEROLE'}"))
    if role == "admin":  # may add people to every group
        for other in ROLES:  # the lesser groups' rights are a subset of the administrator's anyway
            connection.execute(text(f"GRANT {quoted(group_name(database, other))} TO {quoted(name)} WITH ADMIN OPTION"))
    else:
        connection.execute(text(f"GRANT {quoted(group_name(database, role))} TO {quoted(name)}"))


def _member(connection: Connection, name: str, group: str) -> bool:
    return bool(connection.execute(text(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE r.rolname = :n AND g.rolname = :g"), {"n": name, "g": group}).first())


def set_role(connection: Connection, name: str, role: str) -> None:
    _require_admin(connection)
    if not _exists(connection, name):
        raise StoreError(f"利用者「{name}」はいません。server user list で確かめてください。何も変更していません。")
    current = connection.execute(text("SELECT current_user")).scalar_one()
    if name == current and role != "admin":
        raise StoreError("自分の管理者の役割は外せません（ほかの管理者に頼んでください）。何も変更していません。")
    _grant_role(connection, _database(connection), name, role)


def list_users(connection: Connection) -> list[tuple[str, str]]:
    """(login name, role key) of everybody in one of this database's groups; the strongest role each."""
    database = _database(connection)
    groups = {group_name(database, role): role for role in ROLES}
    rows = connection.execute(text(
        "SELECT r.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
        "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = ANY(:groups) ORDER BY r.rolname"),
        {"groups": list(groups)}).all()
    strongest: dict[str, str] = {}
    order = ["viewer", "coordinator", "admin"]
    for user, group in rows:
        role = groups[group]
        if user not in strongest or order.index(role) > order.index(strongest[user]):
            strongest[user] = role
    return sorted(strongest.items())


def window_refusal(database) -> str | None:
    """Why the window cannot work on this server database for this user (a 閲覧者 reads no
    names, and every list of the window shows them), or None. A file: always None."""
    if not getattr(database, "is_server", False):
        return None
    with database.engine.connect() as connection:
        allowed = connection.execute(text("SELECT has_column_privilege('person', 'name', 'SELECT')")).scalar()
    if allowed:
        return None
    return ("このユーザーは閲覧者です。閲覧者は個人の情報を読めないため、画面では開けません。"
            "進捗の PDF は report コマンド、集計は stats コマンドで作成できます（docs/server.md）。")
