export { authorizeWithHttp } from '../../src/http-consent.ts';
