import { use } from 'echarts/core'
import { BarChart, HeatmapChart, PieChart, TreemapChart } from 'echarts/charts'

/** The series of the dashboard's charts (src/charts/dashboard.ts). */
use([BarChart, PieChart, TreemapChart, HeatmapChart])
