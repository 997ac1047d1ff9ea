import { create } from 'zustand'
import { persist } from 'zustand/middleware'

interface LayersStore {
  /** Layer id → shown. Ids not in the map use the layer's own default. */
  visible: Record<string, boolean>
  setVisible: (id: string, visible: boolean) => void
}

/** Which registry layers the user has switched on or off; remembered per browser. */
export const useLayers = create<LayersStore>()(
  persist(
    (set) => ({
      visible: {},
      setVisible: (id, visible) => set((s) => ({ visible: { ...s.visible, [id]: visible } })),
    }),
    { name: 'jinan.layers' },
  ),
)
