import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { problemDetail } from '../http';
import { useJson } from '../useJson';
import type { TemplatePreview } from './invitationsApi';
import { testSend } from './invitationsApi';

/**
 * The invitation email filled with sample data, and "send me a test". The HTML is shown in a fully
 * sandboxed iframe (no scripts, no forms, no same-origin access).
 */
export const TemplatePanel = () => {
  const { data, error } = useJson<TemplatePreview>('/api/invitations/preview');
  const [email, setEmail] = useState('');
  const [result, setResult] = useState<{ severity: 'success' | 'error'; message: string } | null>(null);

  const send = async () => {
    try {
      const { json } = await testSend(email.trim());
      setResult({ severity: json.outcome === 'ACCEPTED' ? 'success' : 'error', message: `Test sent: ${json.outcome}` });
    } catch (e) {
      setResult({ severity: 'error', message: problemDetail(e) });
    }
  };

  if (error) return <Alert severity="error">Cannot render the template: {error.message}</Alert>;
  if (!data) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2">
        Subject: {data.subject}
      </Typography>
      <Box
        component="iframe"
        title="Invitation email preview"
        sandbox=""
        srcDoc={data.html}
        sx={{ width: '100%', height: 480, border: 1, borderColor: 'divider', bgcolor: 'common.white' }}
      />
      <Box component="pre" sx={{ m: 0, p: 1, bgcolor: 'action.hover', whiteSpace: 'pre-wrap', fontSize: '0.8rem' }}>
        {data.text}
      </Box>
      <Stack direction="row" spacing={1} alignItems="center">
        <TextField label="Send a test to" type="email" size="small" value={email} onChange={(e) => setEmail(e.target.value)} />
        <Button variant="outlined" disabled={!email.trim()} onClick={send}>
          Send me a test
        </Button>
      </Stack>
      {result && <Alert severity={result.severity}>{result.message}</Alert>}
    </Stack>
  );
};
