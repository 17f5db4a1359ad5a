-- SendGrid's delivery events. SendGrid retries them for 24 hours: each sg_event_id is handled once.
create table mail_event (
    sg_event_id   varchar(100) primary key,
    event         varchar(40)  not null,
    email         varchar(254),
    sg_message_id varchar(200),
    custom_args   jsonb        not null default '{}',
    occurred_at   timestamptz,
    received_at   timestamptz  not null default now(),
    reason        text
);
create index mail_event_message_idx on mail_event (sg_message_id);
