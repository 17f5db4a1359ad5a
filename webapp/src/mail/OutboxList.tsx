import type { ReactNode } from 'react';
import { Alert, AlertTitle, Box, Chip, Stack, Typography } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, SearchInput, TextField, useRecordContext } from 'react-admin';
import { prettyJson } from '../prettyJson';
import { useJson } from '../useJson';
import { EmptyState } from '../EmptyState';
import { formatBytes } from '../reports/reportsApi';

export interface MailStatus {
  mode: 'OUTBOX' | 'SENDGRID';
  sendgridConfigured: boolean;
}

export interface OutboxMail {
  id: number;
  toEmail: string;
  toName: string | null;
  subject: string;
  textBody: string | null;
  htmlBody: string | null;
  templateId: string | null;
  /** JSON text. */
  customArgs: string | null;
  categories: string[];
  /** What the outbox keeps of each attached file (not the file). */
  attachments: OutboxAttachment[];
  createdAt: string;
}

export interface OutboxAttachment {
  fileName: string;
  type: string;
  sizeBytes: number;
}

/** Says plainly whether mail really leaves or stays here: the first thing ops must know on this screen. */
export const MailModeBanner = () => {
  const { data, error } = useJson<MailStatus>('/api/mail/status');
  if (error) {
    return (
      <Alert severity="error" sx={{ mt: 1 }}>
        Cannot tell whether mail is sent: {error.message}
      </Alert>
    );
  }
  if (!data) return null;
  if (data.mode === 'SENDGRID') {
    return (
      <Alert severity="success" sx={{ mt: 1 }}>
        <AlertTitle>Mail is sent through SendGrid</AlertTitle>
        Mail really leaves for its recipients. This outbox only holds mail kept while no SendGrid key was configured.
      </Alert>
    );
  }
  return (
    <Alert severity="warning" variant="filled" sx={{ mt: 1 }}>
      <AlertTitle>Mail is not sent</AlertTitle>
      No SendGrid key is configured: mail is kept in this outbox and NOT sent.
    </Alert>
  );
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box>
    <Typography variant="subtitle2" component="h3" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

const preStyle = { m: 0, p: 1, bgcolor: 'action.hover', whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: '0.8rem' } as const;

/**
 * The mail as its recipient would get it. The HTML body is untrusted (it may come from templates
 * or user data), so it is shown in an iframe with every sandbox restriction: no scripts, no forms,
 * no navigation of the admin, no same-origin access.
 */
export const OutboxMailPreview = () => {
  const mail = useRecordContext<OutboxMail>();
  if (!mail) return null;
  const customArgs = prettyJson(mail.customArgs);
  const attachments = mail.attachments ?? [];
  return (
    <Stack spacing={2} sx={{ p: 1 }}>
      <Typography variant="body2">
        To {mail.toName ? `${mail.toName} <${mail.toEmail}>` : mail.toEmail}
        {mail.templateId ? ` · template ${mail.templateId}` : ''}
      </Typography>
      <Section title="Text body">
        <Box component="pre" sx={preStyle}>
          {mail.textBody || 'No text body.'}
        </Box>
      </Section>
      <Section title="HTML body">
        {mail.htmlBody ? (
          <Box
            component="iframe"
            title={`HTML body of ${mail.subject}`}
            sandbox=""
            srcDoc={mail.htmlBody}
            sx={{ width: '100%', height: 400, border: 1, borderColor: 'divider', bgcolor: 'common.white' }}
          />
        ) : (
          <Typography variant="body2">No HTML body.</Typography>
        )}
      </Section>
      {attachments.length > 0 && (
        <Section title="Attachments (kept by name only)">
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {attachments.map((file, index) => (
              <Typography component="li" variant="body2" key={`${index}-${file.fileName}`}>
                {file.fileName} ({file.type}, {formatBytes(file.sizeBytes)})
              </Typography>
            ))}
          </Box>
        </Section>
      )}
      {customArgs && customArgs !== '{}' && (
        <Section title="Custom arguments">
          <Box component="pre" sx={preStyle}>
            {customArgs}
          </Box>
        </Section>
      )}
    </Stack>
  );
};

export const OutboxEmpty = () => (
  <EmptyState title="The outbox is empty">
    Mail kept instead of sent shows here.
  </EmptyState>
);

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search recipient or subject" />];

/** Mail kept instead of sent, newest first; expand a row to read it. */
export const OutboxList = () => (
  <>
    <MailModeBanner />
    <List
      title="Mail outbox"
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      empty={<OutboxEmpty />}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} expand={<OutboxMailPreview />} expandSingle>
        <DateField source="createdAt" label="Kept at" showTime />
        <TextField source="toEmail" label="To" />
        <TextField source="subject" label="Subject" />
        <FunctionField
          label="Categories"
          sortable={false}
          render={(mail: OutboxMail) => (
            <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
              {(mail.categories ?? []).map((c) => (
                <Chip key={c} label={c} size="small" />
              ))}
            </Stack>
          )}
        />
      </Datagrid>
    </List>
  </>
);
