import { Types, type Connection } from 'mongoose';

/**
 * Everything the database holds for one organization (each collection's documents carrying its
 * `organizationId`, and the organization record), as one string: equal before and after a sweep
 * means nothing of it changed. Sessions are left out: signing in to sweep adds them.
 */
export async function snapshotOfOrganization(
  db: Connection,
  organizationId: string,
): Promise<string> {
  const id = new Types.ObjectId(organizationId);
  const parts: string[] = [];
  const collections = await db.listCollections();
  for (const { name } of collections.sort((x, y) => x.name.localeCompare(y.name))) {
    if (name === 'sessions') continue;
    const docs = await db.collection(name).find({ organizationId: id }).sort({ _id: 1 }).toArray();
    parts.push(`${name}:${JSON.stringify(docs)}`);
  }
  const organization = await db.collection('organizations').findOne({ _id: id });
  parts.push(`organization:${JSON.stringify(organization)}`);
  return parts.join('\n');
}
