import { Chip, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { businessToday, formatDay } from '../dates';
import type { DashboardView } from './dashboardApi';

interface DueItem {
  id: number;
  name: string;
  status: string;
  due: string;
  to: string;
}

interface DueTableProps {
  label: string;
  nameHeader: string;
  dueHeader: string;
  nothingDue: string;
  items: DueItem[];
}

type DueTexts = Omit<DueTableProps, 'items'>;

const GUIDE_TEXTS: DueTexts = {
  label: 'Guides due for medical review',
  nameHeader: 'Guide',
  dueHeader: 'Review due',
  nothingDue: 'No guide is due for medical review.',
};

const HOSPITAL_TEXTS: DueTexts = {
  label: 'Hospitals due for re-verification',
  nameHeader: 'Hospital',
  dueHeader: 'Verification expires',
  nothingDue: 'No hospital is due for re-verification.',
};

/** Things coming due, each linked to its page, overdue ones marked. */
const DueTable = ({ label, nameHeader, dueHeader, nothingDue, items }: DueTableProps) => {
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {nothingDue}
      </Typography>
    );
  }
  const today = businessToday();
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{nameHeader}</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>{dueHeader}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell>
              <MuiLink component={Link} to={item.to}>
                {item.name}
              </MuiLink>
            </TableCell>
            <TableCell>{item.status}</TableCell>
            <TableCell>
              {formatDay(item.due)}
              {item.due < today && <Chip label="overdue" size="small" color="error" variant="outlined" sx={{ ml: 1 }} />}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const GuidesDueTable = ({ guides }: { guides: DashboardView['guidesDueForReview'] }) => (
  <DueTable {...GUIDE_TEXTS} items={guides.map((g) => ({ ...g, name: g.title, due: g.reviewDue, to: `/guides/${g.id}/show` }))} />
);

export const HospitalsDueTable = ({ hospitals }: { hospitals: DashboardView['hospitalsDueForReverification'] }) => (
  <DueTable {...HOSPITAL_TEXTS} items={hospitals.map((h) => ({ ...h, due: h.verificationExpires, to: `/hospitals/${h.id}/show` }))} />
);
