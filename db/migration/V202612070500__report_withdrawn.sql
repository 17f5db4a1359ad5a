-- A WAITLIST_DETAIL workbook that held a person who was then erased is withdrawn: its file is
-- deleted (after the erasure commits) and the row stays, saying when and why, so the archive's list
-- and the download explain the missing workbook rather than answering 404 for a report it lists.
alter table report drop constraint report_status_check;
alter table report add constraint report_status_check
    check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'WITHDRAWN'));
alter table report add column withdrawn_at timestamptz;
alter table report add column withdrawal_reason text;
alter table report add constraint report_withdrawn
    check ((status = 'WITHDRAWN') = (withdrawn_at is not null and withdrawal_reason is not null));
