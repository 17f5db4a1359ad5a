-- The allocation job now tells a person whose fitting windows all start within the minimum notice
-- (NO_WINDOW_WITH_ENOUGH_NOTICE) from one with no window for the specialty at all; the reason column
-- accepts the new code. A new constraint under the old name, since V202611250500 has landed.
alter table allocation_outcome
    drop constraint allocation_outcome_reason_check,
    add constraint allocation_outcome_reason_check check (reason in ('NO_WINDOW_FOR_SPECIALTY', 'NO_WINDOW_FOR_LANGUAGE',
        'NO_WINDOW_WITH_ENOUGH_NOTICE', 'NO_REASONABLE_HOUR', 'ALL_FULL', 'ALREADY_OFFERED'));
