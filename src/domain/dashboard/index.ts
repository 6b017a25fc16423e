export * from './filters'
export * from './supervision'
export * from './quarters'
export * from './section-tree'
