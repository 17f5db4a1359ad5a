-- Who did what, when, from where. Append-only: the database refuses to change or delete a row.
create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null default now(),
    actor          varchar(64)  not null,
    action         varchar(100) not null,
    module         varchar(40)  not null,
    remote_address varchar(64),
    details        jsonb        not null default '{}'
);
create index audit_event_occurred_at_idx on audit_event (occurred_at desc);
create index audit_event_actor_idx on audit_event (actor, occurred_at desc);
create index audit_event_action_idx on audit_event (action, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
