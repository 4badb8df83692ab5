"""データの保護: backups and restore, the change history, 個人情報 (retention, erasure)."""
