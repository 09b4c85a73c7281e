// TypeScript shapes of the CASE 1.0 CFPackage we write, and the lenient zod schema for packages we read.
import { z } from 'zod';

export interface CaseLinkUri {
  title: string;
  identifier: string;
  uri: string;
}

export interface CfDocument {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  publisher?: string;
  description?: string;
  subject?: string[];
  language: string;
  version?: string;
  adoptionStatus?: string;
  statusStartDate?: string;
  notes: string;
  CFPackageURI: CaseLinkUri;
}

export interface CfItem {
  identifier: string;
  uri: string;
  fullStatement: string;
  abbreviatedStatement?: string;
  humanCodingScheme?: string;
  listEnumeration: string;
  CFItemType: string;
  notes?: string;
  language: string;
  lastChangeDateTime: string;
  CFDocumentURI: CaseLinkUri;
}

export interface CfAssociation {
  identifier: string;
  uri: string;
  associationType: 'isChildOf';
  sequenceNumber: number;
  originNodeURI: CaseLinkUri;
  destinationNodeURI: CaseLinkUri;
  lastChangeDateTime: string;
  CFDocumentURI: CaseLinkUri;
}

export interface CasePackage {
  CFDocument: CfDocument;
  CFItems: CfItem[];
  CFAssociations: CfAssociation[];
}

const text = z.string().nullish();
const nodeLink = z.object({ identifier: z.string().min(1) }).passthrough();
// Some CASE servers write sequenceNumber as a string ("3"); a number is what it means.
const sequenceNumber = z.union([z.number(), z.string().trim().regex(/^-?\d+$/, 'Expected a whole number').transform(Number)]).nullish();
/** What we need from a CFPackage made elsewhere: lenient about extra and null fields, strict about structure. */
export const CasePackageInputSchema = z
  .object({
    CFDocument: z
      .object({
        identifier: z.string().min(1),
        title: z.string().min(1),
        creator: text,
        publisher: text,
        description: text,
        version: text,
        subject: z.array(z.string()).nullish(),
        adoptionStatus: text,
        statusStartDate: text,
        notes: text,
      })
      .passthrough(),
    CFItems: z.array(
      z
        .object({
          identifier: z.string().min(1),
          fullStatement: z.string(),
          humanCodingScheme: text,
          listEnumeration: z.union([z.string(), z.number()]).nullish(),
          CFItemType: text,
          notes: text,
        })
        .passthrough(),
    ),
    CFAssociations: z
      .array(
        z
          .object({ associationType: z.string(), sequenceNumber, originNodeURI: nodeLink, destinationNodeURI: nodeLink })
          .passthrough(),
      )
      .default([]),
  })
  .passthrough();

