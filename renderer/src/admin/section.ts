/**
 * What every admin section receives.
 */
import type { KioskApi } from '#core/contract';
import type { AdminData } from './useAdminData';

/** Props of a section of the admin (Playlists, Media, Schedule, History, Analytics, Status, Settings). */
export interface SectionProps {
  api: KioskApi;
  data: AdminData;
}

/** The admin's sections, in navigation order, with their route and heading. */
export const SECTIONS = [
  { id: 'playlists', title: 'Playlists' },
  { id: 'media', title: 'Media' },
  { id: 'schedule', title: 'Schedule' },
  { id: 'history', title: 'History' },
  { id: 'analytics', title: 'Analytics' },
  { id: 'status', title: 'Status' },
  { id: 'settings', title: 'Settings' },
] as const;

/** One section's id. */
export type SectionId = (typeof SECTIONS)[number]['id'];
