import { mount, RouterLinkStub } from '@vue/test-utils';
import { describe, expect, test } from 'vitest';
import type { HomeTodo } from '@eligo/shared/schemas/home';
import TodoList from './TodoList.vue';
import { todoItems } from './todo.ts';

const none: HomeTodo = {
  missingEmail: 0,
  surveysExpiringSoon: 0,
  expiringWithinHours: 48,
  failedTags: 0,
  hiresNeedingStartDate: 0,
  filingsDue: 0,
};
const disconnected = {
  kind: 'disconnected' as const,
  text: 'Lever is disconnected: new applications are held until you reconnect.',
  fix: 'Reconnect Lever',
};

describe('the home to-do list', () => {
  test('nothing to do: no items', () => {
    expect(todoItems(none, [])).toEqual([]);
  });

  test('each count is a line in words linking to where it is done; Lever first', () => {
    const items = todoItems(
      {
        missingEmail: 2,
        surveysExpiringSoon: 1,
        expiringWithinHours: 48,
        failedTags: 3,
        hiresNeedingStartDate: 1,
        filingsDue: 4,
      },
      [disconnected],
    );
    expect(items.map((i) => [i.id, i.text, i.to])).toEqual([
      [
        'lever-disconnected',
        'Lever is disconnected: new applications are held until you reconnect. Reconnect Lever.',
        { name: 'ats-integrations' },
      ],
      [
        'filings-due',
        '4 filings are due within 7 days or overdue.',
        { name: 'filing', query: { bucket: 'due_soon' } },
      ],
      [
        'start-dates',
        '1 hire needs a start date before the filing deadline can be counted.',
        { name: 'filing', query: { bucket: 'needs_start_date' } },
      ],
      [
        'missing-email',
        '2 applicants have no email address: the survey cannot be sent until you add one.',
        { name: 'applicants', query: { surveyStatus: 'missing_email' } },
      ],
      [
        'expiring',
        '1 survey link stops working within 48 hours.',
        { name: 'applicants', query: { surveyStatus: 'sent' } },
      ],
      [
        'failed-tags',
        "3 Lever tags could not be written: retry from the applicant's page.",
        { name: 'applicants' },
      ],
    ]);
  });

  test('the counts not loaded (yet): the Lever problems are still listed', () => {
    expect(todoItems(null, [disconnected]).map((i) => i.id)).toEqual(['lever-disconnected']);
  });

  const list = (props: InstanceType<typeof TodoList>['$props']) =>
    mount(TodoList, { props, global: { stubs: { RouterLink: RouterLinkStub } } });

  test('the empty state says there is nothing to do', () => {
    const wrapper = list({ items: [], loading: false, error: null });
    expect(wrapper.find('[data-testid="todo-empty"]').text()).toContain('Nothing to do right now');
    expect(wrapper.find('ul').exists()).toBe(false);
  });

  test('items are links; a failed load says so instead of "nothing to do"', () => {
    const items = todoItems({ ...none, missingEmail: 1 }, []);
    const wrapper = list({ items, loading: false, error: null });
    const link = wrapper.findComponent(RouterLinkStub);
    expect(link.props('to')).toEqual({
      name: 'applicants',
      query: { surveyStatus: 'missing_email' },
    });
    expect(link.text()).toBe(
      '1 applicant has no email address: the survey cannot be sent until you add one.',
    );
    const failed = list({ items: [], loading: false, error: 'Cannot reach Eligo' });
    expect(failed.find('[role="alert"]').text()).toContain('Cannot reach Eligo');
    expect(failed.find('[data-testid="todo-empty"]').exists()).toBe(false);
  });
});
