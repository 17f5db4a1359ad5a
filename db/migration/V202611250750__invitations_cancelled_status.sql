-- CANCELLED: the seat was released (declined, expired, released by ops or by the windows job)
-- before its invitation went out; failure_reason says why. Never sent afterwards.
alter table invitation drop constraint invitation_status_check;
alter table invitation add constraint invitation_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNCONFIRMED', 'SUPPRESSED', 'CANCELLED'));
