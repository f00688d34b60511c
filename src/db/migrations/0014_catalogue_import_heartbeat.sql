-- An import from the command line killed mid-way (Ctrl+C twice, the machine switched off) left its row
-- 'running' for ever: nothing else knows the process is gone. Every progress update (after each batch,
-- a second or so apart) now also writes heartbeat_at; a running import silent for ten minutes has no
-- process behind it and is shown as failed (catalogue/import/import.queries.ts).
ALTER TABLE catalogue_imports ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
