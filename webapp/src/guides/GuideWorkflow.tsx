import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Chip, Stack, TextField } from '@mui/material';
import { Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useFormState } from 'react-hook-form';
import type { HttpError } from 'react-admin';
import { guideApi, problemsOf } from './guideApi';
import type { Guide } from './types';
import { STATUS_CHOICES } from './types';

type Action = 'submit' | 'publish' | 'schedule' | 'unschedule' | 'archive';

const CONFIRM: Record<Action, { title: string; content: string; confirm: string }> = {
  submit: { title: 'Submit for review?', content: 'The page goes to medical and editorial review.', confirm: 'Submit' },
  publish: {
    title: 'Publish this guide?',
    content: 'The saved version becomes what the public site shows, right away.',
    confirm: 'Publish',
  },
  schedule: { title: 'Schedule publishing?', content: 'The saved version publishes itself at this time.', confirm: 'Schedule' },
  unschedule: { title: 'Cancel the schedule?', content: 'The page will not publish itself.', confirm: 'Cancel schedule' },
  archive: {
    title: 'Archive this guide?',
    content: 'The page disappears from the public site. You can submit it for review again later.',
    confirm: 'Archive',
  },
};

export const StatusChips = ({ guide }: { guide: Guide }) => (
  <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
    <Chip
      size="small"
      label={STATUS_CHOICES.find((s) => s.id === guide.status)?.name ?? guide.status}
      color={guide.status === 'PUBLISHED' ? 'success' : guide.status === 'IN_REVIEW' ? 'info' : 'default'}
    />
    {guide.status === 'PUBLISHED' && guide.hasUnpublishedChanges && (
      <Chip size="small" color="warning" label="Unpublished changes" />
    )}
    {guide.publishAt && <Chip size="small" color="info" variant="outlined" label={`Publishes ${new Date(guide.publishAt).toLocaleString()}`} />}
  </Stack>
);

/**
 * Submit for review, publish, schedule and archive, each after a confirmation. They act on the
 * saved version, so they wait until unsaved changes are saved. A refused publish lists what is missing.
 */
export const GuideWorkflow = ({ onConflict }: { onConflict: () => void }) => {
  const guide = useRecordContext<Guide>();
  const { isDirty } = useFormState();
  const refresh = useRefresh();
  const notify = useNotify();
  const [pending, setPending] = useState<Action | null>(null);
  const [publishAt, setPublishAt] = useState('');
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  if (!guide) return null;

  const run = async (action: Action) => {
    setPending(null);
    setProblems([]);
    try {
      if (action === 'submit') await guideApi.submit(guide);
      if (action === 'publish') await guideApi.publish(guide);
      if (action === 'schedule') await guideApi.schedule(guide, new Date(publishAt).toISOString());
      if (action === 'unschedule') await guideApi.schedule(guide, null);
      if (action === 'archive') await guideApi.archive(guide);
      notify(action === 'publish' ? 'Published' : 'Done', { type: 'success' });
      refresh();
    } catch (e) {
      const error = e as HttpError;
      if (error?.status === 409 && error.body?.currentVersion !== undefined) {
        onConflict();
        return;
      }
      const fieldProblems = problemsOf(error);
      if (fieldProblems.length > 0) setProblems(fieldProblems);
      else notify(error?.message ?? 'The action failed', { type: 'error' });
    }
  };

  const canPublish = guide.status === 'IN_REVIEW' || (guide.status === 'PUBLISHED' && guide.hasUnpublishedChanges);
  const can: Record<Action, boolean> = {
    submit: guide.status === 'DRAFT' || guide.status === 'ARCHIVED',
    publish: canPublish,
    schedule: canPublish,
    unschedule: !!guide.publishAt,
    archive: guide.status !== 'ARCHIVED',
  };
  const label: Record<Action, string> = {
    submit: 'Submit for review',
    publish: 'Publish',
    schedule: 'Schedule',
    unschedule: 'Cancel schedule',
    archive: 'Archive',
  };

  return (
    <Box width="100%" mb={2}>
      <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap">
        <StatusChips guide={guide} />
        <Box flexGrow={1} />
        {(Object.keys(label) as Action[])
          .filter((a) => can[a])
          .map((a) => (
            <Button
              key={a}
              size="small"
              variant={a === 'publish' ? 'contained' : 'outlined'}
              color={a === 'archive' ? 'error' : 'primary'}
              disabled={isDirty}
              onClick={() => setPending(a)}
            >
              {label[a]}
            </Button>
          ))}
      </Stack>
      {isDirty && (
        <Alert severity="info" sx={{ mt: 1 }}>
          Save your changes before you submit, publish, schedule or archive.
        </Alert>
      )}
      {problems.length > 0 && (
        <Alert severity="error" sx={{ mt: 1 }} onClose={() => setProblems([])}>
          <AlertTitle>The guide cannot be published yet</AlertTitle>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {problems.map((p) => (
              <li key={p.field}>
                <strong>{p.field}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {pending && (
        <Confirm
          isOpen
          title={CONFIRM[pending].title}
          content={
            pending === 'schedule' ? (
              <Box>
                <p>{CONFIRM.schedule.content}</p>
                <TextField
                  type="datetime-local"
                  label="Publish at"
                  value={publishAt}
                  onChange={(e) => setPublishAt(e.target.value)}
                  slotProps={{ inputLabel: { shrink: true } }}
                />
              </Box>
            ) : (
              CONFIRM[pending].content
            )
          }
          confirm={CONFIRM[pending].confirm}
          cancel="Cancel"
          onConfirm={() => (pending === 'schedule' && !publishAt ? undefined : run(pending))}
          onClose={() => setPending(null)}
        />
      )}
    </Box>
  );
};
