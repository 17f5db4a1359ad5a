-- Consultation windows, the seats the waitlist is allocated to, and what each allocation run decided.

-- A recurring series: the rule ops typed, kept so the windows it made can be found together.
create table window_series (
    id          bigserial    primary key,
    description text         not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null default now()
);

create table consultation_window (
    id                    bigserial    primary key,
    series_id             bigint       references window_series (id),
    starts_at             timestamptz  not null,
    ends_at               timestamptz  not null,
    -- the zone ops think of the window in (display only; the instants above are the truth)
    time_zone             varchar(64)  not null default 'Asia/Shanghai',
    specialty             varchar(40)  not null references specialty (code),
    -- BCP 47 tags of the languages spoken in the window
    languages             text[]       not null default '{}',
    interpreter_available boolean      not null default false,
    capacity              int          not null check (capacity between 1 and 1000),
    -- maintained by the triggers on window_allocation below, never by application code
    seats_taken           int          not null default 0,
    -- a VERIFIED hospital of the hospitals module (no foreign key: that module owns its table)
    hospital_id           bigint,
    coordinator           varchar(120),
    status                varchar(10)  not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    version               int          not null default 0,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    constraint consultation_window_ends_after_start check (ends_at > starts_at),
    -- the database, not the code, refuses overbooking: a concurrent run or override fails here
    constraint consultation_window_capacity check (seats_taken >= 0 and seats_taken <= capacity)
);
create index consultation_window_status_start on consultation_window (status, starts_at, id);
create index consultation_window_start on consultation_window (starts_at, id);
create index consultation_window_series on consultation_window (series_id);

-- One seat given to one waitlist entry. HELD until answered (hold_expires_at is set when the
-- invitation is sent), CONFIRMED when accepted; DECLINED, EXPIRED and RELEASED free the seat.
create table window_allocation (
    id               bigserial    primary key,
    -- a waitlist_entry of the waitlist module (no foreign key across modules: entries are never
    -- deleted, erasure anonymizes them, and a per-row key check would slow the job's batch inserts)
    entry_id         bigint       not null,
    window_id        bigint       not null references consultation_window (id),
    status           varchar(10)  not null default 'HELD'
                         check (status in ('HELD', 'CONFIRMED', 'DECLINED', 'EXPIRED', 'RELEASED')),
    allocated_at     timestamptz  not null default now(),
    -- 'job:<execution id>' for the allocation job, the username for a manual allocation
    allocated_by     varchar(100) not null,
    job_execution_id bigint,
    hold_expires_at  timestamptz,
    answered_at      timestamptz,
    released_at      timestamptz,
    released_by      varchar(100),
    -- why a person allocated this seat by hand, and why a person released it
    reason           text,
    release_reason   text,
    version          int          not null default 0
);
-- at most one seat per person at a time
create unique index window_allocation_one_active on window_allocation (entry_id) where status in ('HELD', 'CONFIRMED');
create index window_allocation_entry on window_allocation (entry_id);
create index window_allocation_window on window_allocation (window_id, status);
create index window_allocation_holds on window_allocation (hold_expires_at) where status = 'HELD';

-- seats_taken follows the active allocations in the same statement (statement-level triggers with
-- transition tables: one update per window per statement, also for the job's batch inserts)
create function window_allocation_seats_inserted() returns trigger language plpgsql as $$
begin
    update consultation_window w set seats_taken = w.seats_taken + n.taken
    from (select window_id, count(*) as taken from inserted
          where status in ('HELD', 'CONFIRMED') group by window_id) n
    where w.id = n.window_id;
    return null;
end $$;

create function window_allocation_seats_updated() returns trigger language plpgsql as $$
begin
    update consultation_window w set seats_taken = w.seats_taken + d.delta
    from (select window_id, sum(delta) as delta from (
              select window_id, 1 as delta from after_rows where status in ('HELD', 'CONFIRMED')
              union all
              select window_id, -1 from before_rows where status in ('HELD', 'CONFIRMED')) changes
          group by window_id having sum(delta) <> 0) d
    where w.id = d.window_id;
    return null;
end $$;

create function window_allocation_no_delete() returns trigger language plpgsql as $$
begin
    raise exception 'window_allocation rows are kept: release an allocation instead of deleting it';
end $$;

create trigger window_allocation_seats_on_insert after insert on window_allocation
    referencing new table as inserted for each statement execute function window_allocation_seats_inserted();
create trigger window_allocation_seats_on_update after update on window_allocation
    referencing old table as before_rows new table as after_rows
    for each statement execute function window_allocation_seats_updated();
create trigger window_allocation_kept before delete on window_allocation
    for each row execute function window_allocation_no_delete();


-- One row per run of windowAllocationJob (dry or not) with its settings and counts.
create table allocation_run (
    job_execution_id bigint       primary key,
    dry_run          boolean      not null,
    run_at           timestamptz  not null,
    minimum_notice_seconds bigint not null,
    started_at       timestamptz  not null default now(),
    finished_at      timestamptz,
    allocated        int          not null default 0,
    unallocated      int          not null default 0,
    holds_released   int          not null default 0
);

-- What a run decided for each entry it read, in queue order: a window, or a reason why none.
-- A dry run's only output; kept for a while (jadecrane.windows.outcome-retention) for the UI.
-- Unlogged: a report that can be computed again (the allocations themselves are logged), written at
-- up to a million rows per run without WAL; a database crash empties it.
create unlogged table allocation_outcome (
    job_execution_id bigint       not null,
    queue_position   int          not null,
    entry_id         bigint       not null,
    window_id        bigint,
    reason           varchar(30)  check (reason in ('NO_WINDOW_FOR_SPECIALTY', 'NO_WINDOW_FOR_LANGUAGE',
                                                    'NO_REASONABLE_HOUR', 'ALL_FULL', 'ALREADY_OFFERED')),
    primary key (job_execution_id, queue_position),
    check ((window_id is null) <> (reason is null))
);
