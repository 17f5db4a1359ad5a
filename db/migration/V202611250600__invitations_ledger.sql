-- The invitation ledger: one invitation email per seat allocation, sent at most once.
-- PENDING -> SENDING (committed before SendGrid is called) -> SENT / FAILED / UNCONFIRMED / SUPPRESSED.
-- A row still SENDING when a run starts was interrupted mid-send: it becomes UNCONFIRMED and is
-- never sent again automatically (delivery events or ops resolve it).
create table invitation (
    id                     bigserial    primary key,
    -- a window_allocation of the windows module (no foreign key across modules)
    allocation_id          bigint       not null unique,
    entry_id               bigint       not null,
    status                 varchar(12)  not null default 'PENDING'
                               check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNCONFIRMED', 'SUPPRESSED')),
    attempts               int          not null default 0,
    sendgrid_message_id    text,
    sending_started_at     timestamptz,
    sent_at                timestamptz,
    failure_reason         text,
    -- a FAILED row whose failure may pass (SendGrid never took it); ops may resend those
    failure_transient      boolean      not null default false,
    -- the latest delivery event and when each kind first arrived
    delivery               varchar(20),
    delivered_at           timestamptz,
    bounced_at             timestamptz,
    opened_at              timestamptz,
    spam_reported_at       timestamptz,
    unsubscribed_at        timestamptz,
    response               varchar(10)  check (response in ('ACCEPTED', 'DECLINED', 'EXPIRED')),
    responded_at           timestamptz,
    reply_deadline         timestamptz,
    -- sha-256 of the single-use tokens in the email's links (the tokens themselves are never stored)
    accept_token_hash      bytea        unique,
    decline_token_hash     bytea        unique,
    unsubscribe_token_hash bytea        unique,
    unsubscribe_expires_at timestamptz,
    unsubscribe_used_at    timestamptz,
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now(),
    version                int          not null default 0
);
-- the send step reads PENDING rows in queue order (ids are given in queue order)
create index invitation_pending on invitation (id) where status = 'PENDING';
create index invitation_status on invitation (status, id);
create index invitation_entry on invitation (entry_id);
create index invitation_sent_at on invitation (sent_at, id);
