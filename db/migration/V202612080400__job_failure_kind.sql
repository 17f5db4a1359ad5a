-- What kind of failure ended an execution (database error, set-up error, ...), as staff are shown it
-- in place of the exception text; the exception itself stays in the log.
alter table job_execution_launch add column failure_kind varchar(40);
