import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  IconButton,
  Stack,
  Switch,
  TextField,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { useNavigate } from 'react-router-dom';
import { problemDetail } from '../http';
import { launchJob, type JobParameter } from './jobsApi';

interface Parameter {
  key: string;
  value: string;
}

/**
 * The launch body: the free parameters with a key, then dryRun from the switch (which wins), for a
 * job that has a dry run only: the others refuse a parameter they do not declare.
 */
export function launchParameters(
  dryRunSupported: boolean,
  dryRun: boolean,
  rows: readonly Parameter[],
): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const { key, value } of rows) {
    if (key.trim()) parameters[key.trim()] = value;
  }
  if (dryRunSupported) parameters.dryRun = String(dryRun);
  return parameters;
}

/**
 * Asks how to run a job (dry run first, for safety, where the job has one), launches it and opens
 * the new execution.
 */
export const LaunchDialog = ({
  jobName,
  dryRunSupported,
  declared,
  onClose,
}: {
  jobName: string;
  dryRunSupported: boolean;
  declared: readonly JobParameter[];
  onClose: () => void;
}) => {
  const others = declared.filter((p) => p.name !== 'dryRun');
  const navigate = useNavigate();
  const [dryRun, setDryRun] = useState(dryRunSupported);
  const [rows, setRows] = useState<Parameter[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [launching, setLaunching] = useState(false);

  const updateRow = (index: number, change: Partial<Parameter>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const launch = async () => {
    setLaunching(true);
    setError(null);
    try {
      const executionId = await launchJob(jobName, launchParameters(dryRunSupported, dryRun, rows));
      onClose();
      navigate(`/executions/${executionId}/show`);
    } catch (e) {
      setError(problemDetail(e));
      setLaunching(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="launch-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="launch-dialog-title">Run {jobName}</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>
          The job runs in the background; you follow it on the execution page.
        </DialogContentText>
        <FormControlLabel
          control={<Switch checked={dryRun} disabled={!dryRunSupported} onChange={(e) => setDryRun(e.target.checked)} />}
          label="Dry run"
        />
        <DialogContentText variant="body2" sx={{ mb: 2 }}>
          {!dryRunSupported
            ? 'This job has no dry run: it changes data for real.'
            : dryRun
              ? 'A dry run sends nothing and changes nothing.'
              : 'This run changes data and may send emails.'}
        </DialogContentText>
        <DialogContentText variant="body2" component="div" sx={{ mb: 1 }}>
          {others.length === 0 ? (
            'It takes no other parameters.'
          ) : (
            <ul aria-label="Parameters it takes">
              {others.map((p) => (
                <li key={p.name}>
                  <code>{p.name}</code>: {p.description} ({p.allowed}; default {p.defaultValue})
                  {p.adminOnly && ', ADMIN only'}
                </li>
              ))}
            </ul>
          )}
        </DialogContentText>
        <Stack spacing={1}>
          {rows.map((row, index) => (
            <Stack key={index} direction="row" spacing={1} alignItems="center">
              <TextField
                label={`Parameter ${index + 1} name`}
                size="small"
                value={row.key}
                onChange={(e) => updateRow(index, { key: e.target.value })}
              />
              <TextField
                label={`Parameter ${index + 1} value`}
                size="small"
                value={row.value}
                onChange={(e) => updateRow(index, { value: e.target.value })}
              />
              <IconButton
                aria-label={`Remove parameter ${index + 1}`}
                onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
          ))}
          <div>
            <Button startIcon={<AddIcon />} onClick={() => setRows((current) => [...current, { key: '', value: '' }])}>
              Add parameter
            </Button>
          </div>
        </Stack>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={launch} disabled={launching}>
          {dryRun ? 'Launch dry run' : 'Launch'}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
