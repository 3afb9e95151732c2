// Where each diagnostic code is documented: kept in the service, which links every diagnostic to it.
export { DOCS_URL } from '../service/diagnostics/docsUrl';
