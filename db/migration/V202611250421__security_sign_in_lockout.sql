-- Five failed sign-ins in a row lock an account for 15 minutes.
alter table app_user add column failed_sign_ins integer not null default 0;
alter table app_user add column locked_until timestamptz;
