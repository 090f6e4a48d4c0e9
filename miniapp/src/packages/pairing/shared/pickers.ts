import { listCommunities, listUnits, searchMembers } from '@/api/org';
import type { PickerOption } from '../components/search-picker';

const PICK_SIZE = 20;

/** Communities whose name contains the text (the first 20). */
export async function searchCommunities(text: string): Promise<PickerOption[]> {
  const page = await listCommunities({ q: text || undefined, page: 1, pageSize: PICK_SIZE });
  return page.items.map((community) => ({ id: community.id, label: community.name }));
}

/** Units the caller may choose (the server keeps an organizer to those in scope). */
export async function searchUnits(text: string): Promise<PickerOption[]> {
  const page = await listUnits({ q: text || undefined, page: 1, pageSize: PICK_SIZE });
  return page.items.map((unit) => ({ id: unit.id, label: unit.name }));
}

/** Members by name, with their unit so two of the same name can be told apart. */
export async function searchMembersByName(text: string): Promise<PickerOption[]> {
  const page = await searchMembers({ q: text || undefined, page: 1, pageSize: PICK_SIZE });
  return page.items.map((member) => ({ id: member.id, label: member.name, detail: member.unit.name }));
}
