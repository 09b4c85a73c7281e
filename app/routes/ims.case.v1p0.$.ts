// Anything else under the CASE API (other CASE services, typos) gets the CASE 404, not the portal's HTML page.
import { caseError, caseReadOnly } from '#app/utils/case-response.server.ts';

export const loader = async () => caseError(404, 'This CASE service is not provided here.', 'unknownobject', 'path');

export const action = caseReadOnly;
