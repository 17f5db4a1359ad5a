import { Pagination, useListContext } from 'react-admin';
import type { PaginationProps } from 'react-admin';
import type { CountMeta } from './dataProvider';

/**
 * Paging for lists the API counts only so far (X-Total-Count-Exact: false): the total is then a
 * lower bound, shown as "more than"; the pages up to it work as usual and the bound moves on as you
 * page further.
 */
export const CountedPagination = (props: PaginationProps) => {
  const { meta } = useListContext();
  const lowerBound = (meta as CountMeta | undefined)?.totalIsLowerBound === true;
  const label = ({ from, to, count }: { from: number; to: number; count: number }) =>
    `${from}-${to} of more than ${count.toLocaleString('en')}`;
  return <Pagination {...props} {...(lowerBound ? { labelDisplayedRows: label } : {})} />;
};
