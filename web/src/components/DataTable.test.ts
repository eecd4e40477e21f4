import { mount } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import { h, type VNode } from 'vue';
import DataTable from './DataTable.vue';

interface Person {
  id: string;
  name: string;
  email: string;
}
const people: Person[] = [
  { id: 'p1', name: 'Ada', email: 'ada@example.com' },
  { id: 'p2', name: 'Grace', email: 'grace@example.com' },
];
const columns = [
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
];

// The table is generic over its rows; mounted here it sees them as plain objects.
const person = (row: object) => row as Person;

function table(
  props: { busy?: boolean; rowAttrs?: (row: object) => Record<string, string> } = {},
  slots: Record<string, (scope: { row: object }) => VNode> = {},
) {
  return mount(DataTable, {
    props: {
      caption: 'People of the team',
      columns,
      rows: people,
      rowKey: (row: object) => person(row).id,
      ...props,
    },
    slots,
  });
}

describe('DataTable', () => {
  test('a caption names the table for screen readers without showing it', () => {
    const caption = table().find('table > caption');
    expect(caption.text()).toBe('People of the team');
    expect(caption.classes()).toContain('visually-hidden');
  });

  test('every header is a column header, in column order', () => {
    const headers = table().findAll('thead th');
    expect(headers.map((th) => th.text())).toEqual(['Name', 'Email']);
    expect(headers.map((th) => th.attributes('scope'))).toEqual(['col', 'col']);
    // Headers name the columns only: body cells are plain cells under them.
    expect(table().findAll('tbody th')).toEqual([]);
  });

  test('one row per record, one cell per column; a row without a slot shows the field', () => {
    const rows = table().findAll('tbody tr');
    expect(rows.map((tr) => tr.findAll('td').map((td) => td.text()))).toEqual([
      ['Ada', 'ada@example.com'],
      ['Grace', 'grace@example.com'],
    ]);
  });

  test("a column's slot renders its cells with the row", () => {
    const wrapper = table(
      {},
      { email: ({ row }) => h('a', { href: `mailto:${person(row).email}` }, person(row).email) },
    );
    const links = wrapper.findAll('tbody td a');
    expect(links.map((a) => a.attributes('href'))).toEqual([
      'mailto:ada@example.com',
      'mailto:grace@example.com',
    ]);
  });

  test('rows carry the attributes given for them (hooks naming the record)', () => {
    const wrapper = table({ rowAttrs: (row) => ({ 'data-person': person(row).id }) });
    expect(wrapper.findAll('tbody tr').map((tr) => tr.attributes('data-person'))).toEqual([
      'p1',
      'p2',
    ]);
  });

  test('busy is announced on the table while rows reload', async () => {
    const wrapper = table({ busy: true });
    expect(wrapper.find('table').attributes('aria-busy')).toBe('true');
    await wrapper.setProps({ busy: false });
    expect(wrapper.find('table').attributes('aria-busy')).toBe('false');
  });
});
