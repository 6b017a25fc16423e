export * from './period'
export * from './figures'
