package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LakeColumnNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      MagpieData minimum GSvolume_pa   | magpie_minimum_gsvolume_pa
      MagpieData avg_dev NValence      | magpie_avg_dev_nvalence
      MagpieData mode SpaceGroupNumber | magpie_mode_spacegroupnumber
      MagpieData  mean -- Number       | magpie_mean_number
      Magpie Data mean Number          | magpie_data_mean_number
      frac Fe                          | frac_fe
      'band gap (eV)'                  | band_gap_ev_
      """)
  void matminerNamesBecomeLowerCaseWithUnderscores(String matminer, String lake) {
    assertEquals(lake, LakeColumnNames.fromMatminer(matminer));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Miracle_Radius_[pm]                | miracle_radius_pm
      thermal_conductivity_(W/(m_K))_    | thermal_conductivity_w_m_k
      1st_ionization_potential_(kJ/mol)  | 1st_ionization_potential_kj_mol
      Allred-Rockow_electronegativity    | allred_rockow_electronegativity
      MagpieData mean Number             | magpiedata_mean_number
      '(x)'                              | x
      '()'                               | ''
      """)
  void slugsHaveNoUnderscoreAtEitherEnd(String name, String slug) {
    assertEquals(slug, LakeColumnNames.slug(name));
  }
}
