-- What the outbox keeps of each mail's attachments: [{fileName, type, sizeBytes}], not the files
-- (the mail of a report would copy the workbook into the table every week).
alter table mail_outbox add column attachments jsonb not null default '[]';
