-- The weekly funnel mailed to the leadership list (jadecrane.reports.mail-to): mailed_at is set when
-- the run claims the mail, before it is sent, so a restart or a second run never mails it again;
-- mailed_recipients is how many recipients SendGrid (or the outbox) took, null until it answered.
alter table report add column mailed_at timestamptz;
alter table report add column mailed_recipients integer;
