-- An erasure or a data-subject export finds a person's delivery events by address: without this
-- index each one read the whole table (a retention run erases people by the thousand).
create index mail_event_email_idx on mail_event (lower(email));
