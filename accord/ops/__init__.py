"""Operating an installation: backup and restore, doctor, structured logs, data protection."""
