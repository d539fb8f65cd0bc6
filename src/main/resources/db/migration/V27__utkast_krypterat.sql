-- A draft holds what the form holds — personal data — so it is encrypted at rest like the rest.
-- Drafts saved before this are encrypted by the application at its next start (UtkastRepository),
-- then their plain column is emptied; nothing typed is lost.
alter table uppgift_utkast
  add column data_krypterat text,
  alter column data drop not null;
alter table uppgift_utkast
  add constraint uppgift_utkast_data check (data is not null or data_krypterat is not null);
