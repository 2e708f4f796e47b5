import { sql, type SQL } from "drizzle-orm";

/**
 * The keys a registration is matched on (decision 0016), written once
 * as SQL so that the stored (generated) columns and the look-up of a
 * new registration normalise in exactly the same way.
 */

/** Legal forms dropped from the end of a company name. */
export const LEGAL_SUFFIXES = [
  "inc",
  "incorporated",
  "llc",
  "llp",
  "lp",
  "ltd",
  "limited",
  "corp",
  "corporation",
  "co",
  "company",
  "plc",
  "gmbh",
  "mbh",
  "ag",
  "kg",
  "ug",
  "se",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "oy",
  "ab",
  "as",
  "aps",
  "pty",
  "pte",
  "kk",
] as const;

/**
 * Mail providers anyone can use, and the reserved example domains
 * (RFC 2606): their domain names no company.
 */
export const PUBLIC_MAIL_DOMAINS = [
  "example.com",
  "example.org",
  "example.net",
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.co.uk",
  "ymail.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "mail.com",
  "yandex.com",
  "yandex.ru",
  "zoho.com",
  "fastmail.com",
  "hey.com",
  "qq.com",
  "163.com",
  "t-online.de",
  "orange.fr",
  "free.fr",
] as const;

/** ASCII punctuation and white space, as one bracket expression. */
const PUNCTUATION = "[][[:space:]!\"#$%&'()*+,/:;<=>?@\\\\^_`{|}~-]+";

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Lower case; dots dropped ("L.L.C." is "llc"); other punctuation and
 * white space become one space; a leading "the" dropped; legal forms
 * dropped from the end (one or several: "Acme Co., Ltd."); what is
 * left without spaces. A name
 * that is only a legal form has no key.
 */
export function companyKey(company: SQL): SQL {
  const suffixes = `( (${LEGAL_SUFFIXES.join("|")}))+$`;
  const words = sql`' ' || trim(regexp_replace(replace(lower(${company}), '.', ''), ${sql.raw(quote(PUNCTUATION))}, ' ', 'g'))`;
  const noArticle = sql`regexp_replace(${words}, '^ the ', ' ')`;
  return sql`nullif(replace(regexp_replace(${noArticle}, ${sql.raw(quote(suffixes))}, ''), ' ', ''), '')`;
}

/** The host of a company: the website's, else the contact email's. */
function hostOf(website: SQL, email: SQL): SQL {
  return sql`regexp_replace(coalesce(nullif(lower(trim(${website})), ''), nullif(split_part(lower(trim(${email})), '@', 2), '')), '^www[.]', '')`;
}

/** The company's domain, unless it is a public mail provider's. */
export function domainKey(website: SQL, email: SQL): SQL {
  const host = hostOf(website, email);
  const list = PUBLIC_MAIL_DOMAINS.map(quote).join(", ");
  return sql`case when ${host} in (${sql.raw(list)}) then null else ${host} end`;
}

/** The contact's email, compared without regard to case. */
export function emailKey(email: SQL): SQL {
  return sql`nullif(lower(trim(${email})), '')`;
}

/** A column by name, for the generated columns' expressions. */
export const column = (name: string): SQL => sql.raw(`"${name}"`);
