import { Typography } from '@mui/material';
import { Datagrid, FunctionField, ReferenceManyField, TextField } from 'react-admin';
import { Link } from 'react-router-dom';
import { localTime } from './windowsApi';
import type { Allocation } from './windowsApi';

/**
 * One person's seats, newest first, for the waitlist entry on screen (`GET /api/allocations?entryId=`,
 * which answers all of them unpaged: a person holds a handful at most). Times are the window's own
 * wall clock, as on the window page.
 */
export const EntryAllocations = () => (
  <ReferenceManyField
    reference="allocations"
    target="entryId"
    perPage={100}
    empty={<Typography variant="body2">No seat allocated to this person.</Typography>}
  >
    <Datagrid bulkActionButtons={false} rowClick={false} aria-label="Allocations">
      <FunctionField
        label="Window"
        render={(a: Allocation) => (
          <Link to={`/windows/${a.windowId}/show`}>
            #{a.windowId} {localTime(a.windowStartsAt)}
          </Link>
        )}
      />
      <TextField source="status" sortable={false} />
      <FunctionField label="Allocated" render={(a: Allocation) => `${localTime(a.allocatedAt)} by ${a.allocatedBy}`} />
      <FunctionField label="Hold until" render={(a: Allocation) => localTime(a.holdExpiresAt)} />
      <FunctionField
        label="Answered / released"
        render={(a: Allocation) =>
          [localTime(a.answeredAt), a.releasedAt && `released ${localTime(a.releasedAt)} by ${a.releasedBy ?? ''}`]
            .filter(Boolean)
            .join(' · ')
        }
      />
      <FunctionField label="Reason" render={(a: Allocation) => [a.reason, a.releaseReason].filter(Boolean).join(' / ')} />
    </Datagrid>
  </ReferenceManyField>
);
