"""Pure helpers for Jitsi Meet: room tokens and Prosody events. No database access here."""
