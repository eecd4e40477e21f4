/** One-line descriptions of what `explain` answers on MongoDB and FerretDB 2 (PostgreSQL plans). */

/** FerretDB 2 answers PostgreSQL's plan (DocumentDB): its node types and index names, outermost first. */
export function describePostgresPlan(planner: unknown): string {
  const nodes: string[] = [];
  const walk = (node: Record<string, unknown> | undefined) => {
    if (!node) return;
    const index = node['Index Name'] ? `(${String(node['Index Name'])})` : '';
    nodes.push(`${String(node['Node Type'])}${index}`);
    for (const child of (node.Plans as Array<Record<string, unknown>> | undefined) ?? [])
      walk(child);
  };
  walk((planner as { Plan?: Record<string, unknown> } | undefined)?.Plan);
  return nodes.length > 0 ? nodes.join(' ← ') : JSON.stringify(planner).slice(0, 400);
}

/** The plan in one line: MongoDB's stage tree, or FerretDB 2's PostgreSQL plan. */
export function describePlan(explained: unknown): string {
  const e = explained as Record<string, unknown>;
  const winning = (e.queryPlanner as { winningPlan?: Record<string, unknown> } | undefined)
    ?.winningPlan;
  if (!winning) return describePostgresPlan(e.queryPlanner);
  const stages: string[] = [];
  const walk = (node: Record<string, unknown> | undefined) => {
    if (!node) return;
    stages.push(`${String(node.stage)}${node.indexName ? `(${String(node.indexName)})` : ''}`);
    walk(node.inputStage as Record<string, unknown> | undefined);
    for (const child of (node.inputStages as Array<Record<string, unknown>> | undefined) ?? [])
      walk(child);
  };
  walk(winning);
  const stats = e.executionStats as
    { totalKeysExamined?: number; totalDocsExamined?: number } | undefined;
  return `${stages.join(' ← ')}; keys examined ${stats?.totalKeysExamined ?? '?'}, docs examined ${stats?.totalDocsExamined ?? '?'}`;
}
