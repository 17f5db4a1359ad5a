import { Box, Chip, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import {
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  UrlField,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import type { RaRecord } from 'react-admin';
import { canWrite } from '../roles';
import { FIT_CRITERIA, FOLLOW_UP_CHOICES } from './hospitalChoices';
import { StatusActions } from './StatusActions';
import { StatusChip } from './StatusChip';
import { VerificationTimeline } from './VerificationTimeline';

const ShowActions = ({ writable }: { writable: boolean }) => (
  <TopToolbar>
    {writable && <StatusActions />}
    {writable && <EditButton />}
  </TopToolbar>
);

const FitChecklist = () => {
  const record = useRecordContext();
  const fit = (record?.fit ?? {}) as Record<string, unknown>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Fit criteria">
      {FIT_CRITERIA.map((c) => (
        <Stack component="li" key={c.source} direction="row" spacing={1} alignItems="center">
          {fit[c.source] ? <CheckIcon color="success" fontSize="small" titleAccess="yes" /> : <CloseIcon color="disabled" fontSize="small" titleAccess="no" />}
          <Typography variant="body2">
            {c.label}
            {c.source === 'translatedWrittenSummary' && fit[c.source]
              ? ` (${((fit.summaryLanguages as string[]) ?? []).join(', ')})`
              : ''}
          </Typography>
        </Stack>
      ))}
      <li>
        <Typography variant="body2">
          Follow-up: {FOLLOW_UP_CHOICES.find((f) => f.id === fit.followUpChannel)?.name ?? '—'}
          {fit.followUpNotes ? ` — ${String(fit.followUpNotes)}` : ''}
        </Typography>
      </li>
    </Box>
  );
};

const TextList = ({ items }: { items?: string[] }) =>
  items && items.length > 0 ? (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {items.map((item, i) => (
        <li key={i}>
          <Typography variant="body2">{item}</Typography>
        </li>
      ))}
    </Box>
  ) : (
    <Typography variant="body2">—</Typography>
  );

const HospitalTitle = () => {
  const record = useRecordContext();
  return <span>{record ? String(record.name) : 'Hospital'}</span>;
};

/** The profile with its status actions and verification timeline. */
export const HospitalShow = () => {
  const { permissions } = usePermissions<string[]>();
  const writable = canWrite(permissions, 'hospitals');
  return (
    <Show title={<HospitalTitle />} actions={<ShowActions writable={writable} />}>
      <SimpleShowLayout>
        <TextField source="name" label="Name" />
        <TextField source="localName" label="Chinese name" emptyText="—" />
        <TextField source="slug" label="Slug" />
        <FunctionField
          label="Status"
          render={(r: RaRecord) => (
            <Stack direction="row" spacing={1} alignItems="center">
              <StatusChip status={r.status as string} />
              {r.statusReason ? <Typography variant="body2">{String(r.statusReason)}</Typography> : null}
            </Stack>
          )}
        />
        <DateField source="latestVerification.expiresOn" label="Verification expires" emptyText="—" />
        <FunctionField label="Location" render={(r: RaRecord) => [r.city, r.province].filter(Boolean).join(', ')} />
        <TextField source="grade" label="Grade" emptyText="—" />
        <UrlField source="website" label="Website" emptyText="—" target="_blank" rel="noopener noreferrer" />
        <FunctionField
          label="International desk"
          render={(r: RaRecord) => {
            const desk = (r.internationalDesk ?? {}) as Record<string, unknown>;
            return [desk.email, desk.phone, desk.wechat && `WeChat ${String(desk.wechat)}`,
              ((desk.languages as string[]) ?? []).join(', ')].filter(Boolean).join(' · ') || '—';
          }}
        />
        <FunctionField
          label="Departments"
          render={(r: RaRecord) => (
            <TextList items={((r.departments ?? []) as { name: string; specialties: string[] }[]).map(
              (d) => `${d.name}${d.specialties.length ? ` (${d.specialties.join(', ')})` : ''}`,
            )} />
          )}
        />
        <Labeled label="Fit for a second opinion">
          <FitChecklist />
        </Labeled>
        <FunctionField label="Records required" render={(r: RaRecord) => <TextList items={(r.fit as { recordsRequired?: string[] })?.recordsRequired} />} />
        <FunctionField
          label="Red flags observed"
          render={(r: RaRecord) =>
            ((r.redFlagsObserved as string[]) ?? []).length > 0 ? (
              <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
                {(r.redFlagsObserved as string[]).map((f, i) => (
                  <Chip key={i} label={f} size="small" color="error" variant="outlined" />
                ))}
              </Stack>
            ) : (
              '—'
            )
          }
        />
      </SimpleShowLayout>
      <Box sx={{ px: 2, pb: 2 }}>
        <VerificationTimeline writable={writable} />
      </Box>
    </Show>
  );
};
