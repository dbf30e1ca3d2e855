/** The capacity prognosis domain: import from '$domain/capacity'. */
export * from './defaults';
export * from './region';
export * from './prognosis';
export * from './scenario';
export * from './erlang';
export * from './explanations';
export * from './gap';
export * from './occupancy';
export * from './schemas';
export * from './settings';
export * from './forms';
export * from './csv';
export * from './dashboard';
