-- Without a SendGrid key, mail is kept here and shown in the admin UI instead of being sent, so
-- the default run works with no account.
create table mail_outbox (
    id          bigint generated always as identity primary key,
    to_email    varchar(254) not null,
    to_name     varchar(200),
    subject     varchar(500) not null,
    text_body   text,
    html_body   text,
    template_id varchar(100),
    template_data jsonb,
    headers     jsonb        not null default '{}',
    categories  text[]       not null default '{}',
    custom_args jsonb        not null default '{}',
    created_at  timestamptz  not null default now()
);
create index mail_outbox_to_email_idx on mail_outbox (lower(to_email));

-- Addresses that must never be emailed again: unsubscribed, bounced, marked as spam, or added
-- by ops. Checked right before every send.
create table mail_suppression (
    email      varchar(254) primary key check (email = lower(email)),
    reason     varchar(30)  not null check (reason in ('UNSUBSCRIBED', 'BOUNCED', 'SPAM_REPORT', 'DROPPED', 'MANUAL')),
    note       varchar(500),
    source     varchar(100) not null,
    created_at timestamptz  not null default now()
);

-- Removals are kept, so it is clear who allowed an address again and why.
create table mail_suppression_removal (
    id         bigint generated always as identity primary key,
    email      varchar(254) not null,
    reason     varchar(30)  not null,
    note       varchar(500) not null,
    removed_by varchar(64)  not null,
    removed_at timestamptz  not null default now()
);
