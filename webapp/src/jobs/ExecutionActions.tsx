import { useState } from 'react';
import { Button } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import ReplayIcon from '@mui/icons-material/Replay';
import StopIcon from '@mui/icons-material/Stop';
import { Confirm, TopToolbar, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { problemDetail } from '../http';
import {
  abandonExecution,
  canAbandon,
  canRestart,
  canStop,
  restartExecution,
  stopExecution,
} from './jobsApi';
import type { ExecutionView } from './jobsApi';

type Operation = 'stop' | 'restart' | 'abandon';

const CONFIRMATIONS: Record<Operation, { title: string; content: string; confirm: string }> = {
  stop: {
    title: 'Stop this execution?',
    content: 'The job stops after the chunk it is working on; you can restart it later to finish the work.',
    confirm: 'Stop execution',
  },
  restart: {
    title: 'Restart this execution?',
    content: 'A new execution continues where this one ended, with the same parameters.',
    confirm: 'Restart execution',
  },
  abandon: {
    title: 'Abandon this execution?',
    content: 'An abandoned execution can never be restarted; its unfinished work stays undone.',
    confirm: 'Abandon execution',
  },
};

/** Stop, restart and abandon, each confirmed first and offered only when the status allows it. */
export const ExecutionActions = () => {
  const execution = useRecordContext<ExecutionView>();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const [operation, setOperation] = useState<Operation | null>(null);
  const [busy, setBusy] = useState(false);
  const status = execution?.status;

  const run = async (chosen: Operation) => {
    if (!execution) return;
    setBusy(true);
    try {
      if (chosen === 'stop') {
        await stopExecution(execution.executionId);
        notify('Stop requested: the job stops after its current chunk', { type: 'info' });
        refresh();
      } else if (chosen === 'restart') {
        const restartedId = await restartExecution(execution.executionId);
        notify(`Restarted as execution #${restartedId}`, { type: 'info' });
        navigate(`/executions/${restartedId}/show`);
      } else {
        await abandonExecution(execution.executionId);
        notify('Execution abandoned', { type: 'info' });
        refresh();
      }
    } catch (e) {
      notify(problemDetail(e), { type: 'error', autoHideDuration: 10_000 });
    } finally {
      setBusy(false);
      setOperation(null);
    }
  };

  const confirmation = operation ? CONFIRMATIONS[operation] : null;
  return (
    <TopToolbar>
      <Button startIcon={<StopIcon />} disabled={busy || !canStop(status)} onClick={() => setOperation('stop')}>
        Stop
      </Button>
      <Button startIcon={<ReplayIcon />} disabled={busy || !canRestart(status)} onClick={() => setOperation('restart')}>
        Restart
      </Button>
      <Button startIcon={<BlockIcon />} disabled={busy || !canAbandon(status)} onClick={() => setOperation('abandon')}>
        Abandon
      </Button>
      <Confirm
        isOpen={operation !== null}
        loading={busy}
        title={confirmation?.title ?? ''}
        content={confirmation?.content ?? ''}
        confirm={confirmation?.confirm}
        cancel="Cancel"
        onConfirm={() => operation && run(operation)}
        onClose={() => setOperation(null)}
      />
    </TopToolbar>
  );
};
