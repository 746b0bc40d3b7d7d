/** Dutch texts of the canvas's intervention tools (issue 10). */
export const interventionCanvasNl = {
  'intervention-canvas.area': 'Interventies',
}
