// Recorded segments waiting for the server, kept in IndexedDB so a reload, a closed tab or a crash loses nothing:
// an item leaves the queue only once the server has the segment (or refused it for good).

export interface QueuedSegment {
  key: string // `${answerId}:${index}`
  answerId: string
  questionId: string
  index: number
  /** The answer's number of segments, known only once its last segment is recorded. */
  count: number | null
  sha256: string
  mime: string
  size: number
  blob: Blob
  createdAt: number
}

export interface SegmentQueue {
  put(item: QueuedSegment): Promise<void>
  get(key: string): Promise<QueuedSegment | undefined>
  all(): Promise<QueuedSegment[]>
  remove(key: string): Promise<void>
  /** Announce the answer's count on its queued segments (the last one decides it). */
  setCount(answerId: string, count: number): Promise<void>
}

export const segmentKey = (answerId: string, index: number) => `${answerId}:${index}`

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
}

/** The queue in IndexedDB (database `name`, one object store); `factory` lets tests pass their own IndexedDB. */
export function useIdbQueue(name = 'qingpin-segments', factory: IDBFactory | undefined = globalThis.indexedDB): SegmentQueue {
  if (!factory) return memoryQueue()
  const STORE = 'segments'
  let opened: Promise<IDBDatabase> | null = null
  const db = () => {
    opened ??= new Promise((resolve, reject) => {
      const request = factory.open(name, 1)
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'key' })
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => {
        opened = null
        reject(request.error)
      }
    })
    return opened
  }
  async function store(mode: IDBTransactionMode) {
    const tx = (await db()).transaction(STORE, mode)
    return { tx, store: tx.objectStore(STORE) }
  }
  return {
    async put(item) {
      const { tx, store: s } = await store('readwrite')
      s.put(item)
      await done(tx)
    },
    async get(key) {
      const { store: s } = await store('readonly')
      return (await promised(s.get(key))) as QueuedSegment | undefined
    },
    async all() {
      const { store: s } = await store('readonly')
      const items = (await promised(s.getAll())) as QueuedSegment[]
      return items.sort((a, b) => a.createdAt - b.createdAt || a.index - b.index)
    },
    async remove(key) {
      const { tx, store: s } = await store('readwrite')
      s.delete(key)
      await done(tx)
    },
    async setCount(answerId, count) {
      const { tx, store: s } = await store('readwrite')
      const items = (await promised(s.getAll())) as QueuedSegment[]
      for (const item of items) if (item.answerId === answerId) s.put({ ...item, count })
      await done(tx)
    },
  }
}

/** Without IndexedDB (a private window on old Safari) the queue lives in memory: uploads still work, a reload loses them. */
export function memoryQueue(): SegmentQueue {
  const items = new Map<string, QueuedSegment>()
  return {
    put: async (item) => void items.set(item.key, item),
    get: async (key) => items.get(key),
    all: async () => [...items.values()].sort((a, b) => a.createdAt - b.createdAt || a.index - b.index),
    remove: async (key) => void items.delete(key),
    setCount: async (answerId, count) => {
      for (const [key, item] of items) if (item.answerId === answerId) items.set(key, { ...item, count })
    },
  }
}
