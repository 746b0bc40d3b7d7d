import QRCode from 'qrcode'

/**
 * The QR code of a join link as an SVG, made on our server (no third-party service sees the
 * code). Error correction M survives a projector's glare; a dark-on-white quiet zone of 2 modules
 * is what phone cameras need around it.
 */
export function joinQrSvg(joinUrl: string): Promise<string> {
  return QRCode.toString(joinUrl, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#1b2733', light: '#ffffff' },
  })
}
