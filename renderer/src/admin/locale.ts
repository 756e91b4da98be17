/**
 * The admin's language for dates and times: the browser's (the staff member's own setting).
 *
 * The admin's words are English; dates and times follow the person's locale, as their own
 * computer or phone shows them (31/12/2026 in Belgium, 12/31/2026 in the United States).
 */

/** The kiosk's zone: its setting, else the zone of the machine showing the admin. */
export function kioskZone(setting: string | undefined): string {
  return setting || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The BCP 47 locale to format the admin's dates and times with. */
export function adminLocale(): string {
  const wanted = navigator.languages?.[0] ?? navigator.language;
  try {
    return wanted ? (Intl.getCanonicalLocales(wanted)[0] ?? 'en') : 'en';
  } catch {
    return 'en';
  }
}
