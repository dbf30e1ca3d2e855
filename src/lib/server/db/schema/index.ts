export * from './geo';
export * from './regions';
export * from './taxonomy';
export * from './organisations';
export * from './beds';
export * from './auth';
export * from './search';
export * from './capacity';
