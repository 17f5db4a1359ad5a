import { useCallback, useEffect, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Link,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { HttpError, useRecordContext, useRefresh } from 'react-admin';
import { http } from '../http';
import { methodLabel, METHOD_CHOICES } from './hospitalChoices';

export interface Evidence {
  id: number;
  verificationId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface Verification {
  id: number;
  verifiedOn: string;
  expiresOn: string;
  method: string;
  verifier: string;
  notes?: string;
  recordedBy: string;
  evidence: Evidence[];
}

/** Today in the browser's time zone, as an ISO date. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fieldErrors(e: unknown): Record<string, string> {
  const errors = e instanceof HttpError ? (e.body as { errors?: Record<string, unknown> })?.errors : undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

const VERIFIABLE = ['IN_VERIFICATION', 'VERIFIED', 'EXPIRED'];

/**
 * The server's evidence limit. Checked here as well because a much larger upload may be cut off
 * by the server before its 413 answer can arrive, which a browser reports as a network error.
 */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Records a verification; the server decides the default expiry (12 months). */
const RecordVerificationForm = ({ hospitalId, version, onRecorded }: { hospitalId: number; version: number; onRecorded: () => void }) => {
  const [values, setValues] = useState({ verifiedOn: today(), method: 'VIDEO_CALL', verifier: '', notes: '', expiresOn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof values) => (e: ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    setMessage(undefined);
    try {
      await http(`/api/hospitals/${hospitalId}/verifications`, {
        method: 'POST',
        body: { ...values, notes: values.notes || undefined, expiresOn: values.expiresOn || undefined, version },
      });
      setValues((v) => ({ ...v, verifier: '', notes: '', expiresOn: '' }));
      onRecorded();
    } catch (err) {
      setErrors(fieldErrors(err));
      setMessage((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} aria-label="Record verification" sx={{ mb: 2 }}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        Record verification
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} useFlexGap flexWrap="wrap">
        <TextField label="Verified on" type="date" value={values.verifiedOn} onChange={set('verifiedOn')} required
          error={!!errors.verifiedOn} helperText={errors.verifiedOn} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField select label="Method" value={values.method} onChange={set('method')} required
          error={!!errors.method} helperText={errors.method} sx={{ minWidth: 180 }}>
          {METHOD_CHOICES.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField label="Verifier" value={values.verifier} onChange={set('verifier')} required
          error={!!errors.verifier} helperText={errors.verifier} />
        <TextField label="Expires on" type="date" value={values.expiresOn} onChange={set('expiresOn')}
          error={!!errors.expiresOn} helperText={errors.expiresOn ?? 'Empty: 12 months after the verification'}
          slotProps={{ inputLabel: { shrink: true } }} />
        <TextField label="Notes (internal)" value={values.notes} onChange={set('notes')} multiline sx={{ minWidth: 260 }}
          error={!!errors.notes} helperText={errors.notes} />
      </Stack>
      {message && Object.keys(errors).length === 0 && <Alert severity="error" sx={{ mt: 1 }}>{message}</Alert>}
      <Button type="submit" variant="contained" disabled={saving} sx={{ mt: 1 }}>
        Save verification
      </Button>
    </Box>
  );
};

/** Uploads one evidence file; the server checks type and size and says what is wrong. */
const EvidenceUpload = ({ path, onUploaded }: { path: string; onUploaded: () => void }) => {
  const [error, setError] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_EVIDENCE_BYTES) {
      setError(`${file.name} is larger than 10 MB`);
      input.value = '';
      return;
    }
    const form = new FormData();
    form.append('file', file);
    setUploading(true);
    setError(undefined);
    try {
      await http(path, { method: 'POST', body: form });
      onUploaded();
    } catch (err) {
      setError(fieldErrors(err).file ?? (err as Error).message);
    } finally {
      setUploading(false);
      input.value = '';
    }
  };
  return (
    <Box sx={{ mt: 1 }}>
      <Button component="label" size="small" variant="outlined" disabled={uploading}>
        Upload evidence
        <input type="file" hidden accept="application/pdf,image/png,image/jpeg,image/webp" aria-label="Evidence file" onChange={upload} />
      </Button>
      <Typography variant="caption" sx={{ ml: 1 }}>
        PDF, PNG, JPEG or WebP, at most 10 MB
      </Typography>
      {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
    </Box>
  );
};

/** The verification history of the profile on show, latest first, with evidence. */
export const VerificationTimeline = ({ writable }: { writable: boolean }) => {
  const record = useRecordContext();
  const refresh = useRefresh();
  const [verifications, setVerifications] = useState<Verification[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const hospitalId = record?.id as number | undefined;

  const load = useCallback(() => {
    if (hospitalId == null) return;
    http<Verification[]>(`/api/hospitals/${hospitalId}/verifications`)
      .then(({ json }) => setVerifications(json ?? []))
      .catch((e: Error) => setLoadError(e.message));
  }, [hospitalId]);
  useEffect(load, [load]);

  if (!record || hospitalId == null) return null;
  const base = `/api/hospitals/${hospitalId}/verifications`;
  const changed = () => {
    load();
    refresh();
  };

  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Verification timeline
        </Typography>
        {writable && VERIFIABLE.includes(record.status as string) && (
          <RecordVerificationForm hospitalId={hospitalId} version={record.version as number} onRecorded={changed} />
        )}
        {writable && !VERIFIABLE.includes(record.status as string) && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {record.status === 'SUSPENDED' ? 'Resume verification' : 'Start verification'} before recording one.
          </Alert>
        )}
        {loadError && <Alert severity="error">{loadError}</Alert>}
        {verifications?.length === 0 && <Typography variant="body2">No verification recorded yet.</Typography>}
        <Stack component="ol" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Verifications">
          {verifications?.map((v, index) => (
            <Box component="li" key={v.id} sx={{ borderLeft: 3, borderColor: index === 0 ? 'success.main' : 'divider', pl: 2 }}>
              <Typography variant="subtitle2">
                {v.verifiedOn} · {methodLabel(v.method)} · {v.verifier}
                {index === 0 ? ' · latest' : ''}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Valid until {v.expiresOn} · recorded by {v.recordedBy}
              </Typography>
              {v.notes && <Typography variant="body2">{v.notes}</Typography>}
              <Box component="ul" sx={{ pl: 2, my: 0.5 }}>
                {v.evidence.map((e) => (
                  <li key={e.id}>
                    <Link href={`${base}/${v.id}/evidence/${e.id}`} download={e.fileName}>
                      {e.fileName}
                    </Link>{' '}
                    <Typography component="span" variant="caption">
                      ({e.contentType}, {formatSize(e.sizeBytes)})
                    </Typography>
                  </li>
                ))}
              </Box>
              {writable && <EvidenceUpload path={`${base}/${v.id}/evidence`} onUploaded={load} />}
            </Box>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};
