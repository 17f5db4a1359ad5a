-- The report archive: one row per report asked for (by a person or by the weekly schedule); the
-- workbook itself lies under $JADECRANE_DATA_DIR/reports/<id>.xlsx (see ReportArchive for why).
create table report (
    id               bigserial    primary key,
    type             varchar(30)  not null check (type in ('WAITLIST_FUNNEL', 'WAITLIST_DETAIL')),
    status           varchar(10)  not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    -- dates in the reports' zone (Asia/Shanghai), both inclusive
    period_start     date         not null,
    period_end       date         not null,
    requested_by     varchar(100) not null,
    requested_at     timestamptz  not null default now(),
    completed_at     timestamptz,
    file_name        varchar(200),
    size_bytes       bigint,
    row_count        bigint,
    error            text,
    -- the reportExportJob execution that produces (or last tried to produce) it
    job_execution_id bigint,
    scheduled        boolean      not null default false,
    constraint report_period check (period_end >= period_start)
);
create index report_requested_at on report (requested_at desc, id desc);
create index report_queued on report (id) where status = 'QUEUED';

-- Every report reads sign-ups by the time they arrived: the period's rows without a full scan.
create index waitlist_signup_received_at on waitlist_signup (received_at);
